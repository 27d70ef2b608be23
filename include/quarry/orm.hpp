#pragma once
/// \file quarry/orm.hpp
/// Relations (has_many, has_one, belongs_to, many_to_many) and eager loading with
/// `select(parents).with(relations...)` and `db.load(q)`. See docs/relations.md.

#include "quarry/quarry.hpp"
#include "quarry/orm/relation.hpp"
#include "quarry/orm/request.hpp"
#include "quarry/orm/loaded.hpp"
#include "quarry/orm/level.hpp"
#include "quarry/orm/eager.hpp"
