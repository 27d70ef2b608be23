#pragma once
/// \file quarry/page.hpp
/// Keyset (cursor) pagination: `quarry::paginate(select, keys...)`, pages and opaque cursor tokens.
/// See docs/pagination.md.

#include "quarry/quarry.hpp"
#include "quarry/page/cursor.hpp"
#include "quarry/page/keyset.hpp"
#include "quarry/page/paginate.hpp"
