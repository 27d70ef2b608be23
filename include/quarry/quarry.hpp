#pragma once
/// \file quarry/quarry.hpp
/// Everything that does not depend on a database: descriptors, expressions, statements, SQL
/// rendering. Include quarry/sqlite.hpp or quarry/postgres.hpp for a backend.

#include "quarry/version.hpp"
#include "quarry/core/decimal.hpp"
#include "quarry/core/error.hpp"
#include "quarry/core/fixed_string.hpp"
#include "quarry/core/types.hpp"
#include "quarry/core/value_traits.hpp"
#include "quarry/schema/options.hpp"
#include "quarry/schema/table.hpp"
#include "quarry/expr/expression.hpp"
#include "quarry/expr/value.hpp"
#include "quarry/expr/operators.hpp"
#include "quarry/expr/predicates.hpp"
#include "quarry/expr/order.hpp"
#include "quarry/expr/assign.hpp"
#include "quarry/query/select.hpp"
#include "quarry/query/insert.hpp"
#include "quarry/query/update.hpp"
#include "quarry/query/delete.hpp"
#include "quarry/render/dialect.hpp"
#include "quarry/render/sql.hpp"
#include "quarry/render/ddl.hpp"
