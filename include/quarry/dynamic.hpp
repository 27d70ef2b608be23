#pragma once
/// \file quarry/dynamic.hpp
/// Dynamic queries: conditions, order keys and selected columns chosen at run time, each piece
/// typed, SQL cached per shape. See docs/queries.md ("Dynamic queries").

#include "quarry/quarry.hpp"
#include "quarry/query/dynamic.hpp"
