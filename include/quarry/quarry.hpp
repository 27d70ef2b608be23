#pragma once
/// \file quarry/quarry.hpp
/// The query-building core, which depends on no database: descriptors, expressions, statements,
/// SQL rendering. The other features have their own umbrella so that a TU pays (in compile time)
/// only for what it uses: quarry/dynamic.hpp (run-time conditions and columns), quarry/orm.hpp
/// (relations and eager loading), quarry/page.hpp (keyset pagination), quarry/diag.hpp (query
/// counter, N+1 guard). quarry/sqlite.hpp and quarry/postgres.hpp include all of them.

#include "quarry/version.hpp"
#include "quarry/core/decimal.hpp"
#include "quarry/core/error.hpp"
#include "quarry/core/fixed_string.hpp"
#include "quarry/core/types.hpp"
#include "quarry/core/value_traits.hpp"
#include "quarry/schema/options.hpp"
#include "quarry/schema/table.hpp"
#include "quarry/schema/alias.hpp"
#include "quarry/expr/expression.hpp"
#include "quarry/expr/value.hpp"
#include "quarry/expr/operators.hpp"
#include "quarry/expr/predicates.hpp"
#include "quarry/expr/order.hpp"
#include "quarry/expr/assign.hpp"
#include "quarry/expr/aggregate.hpp"
#include "quarry/expr/case.hpp"
#include "quarry/expr/functions.hpp"
#include "quarry/expr/window.hpp"
#include "quarry/expr/subquery.hpp"
#include "quarry/expr/named.hpp"
#include "quarry/query/from.hpp"
#include "quarry/query/group_by.hpp"
#include "quarry/query/select.hpp"
#include "quarry/query/compound.hpp"
#include "quarry/query/derived.hpp"
#include "quarry/query/cte.hpp"
#include "quarry/query/returning.hpp"
#include "quarry/query/insert.hpp"
#include "quarry/query/update.hpp"
#include "quarry/query/delete.hpp"
#include "quarry/query/insert_rows.hpp"
#include "quarry/query/row.hpp"
#include "quarry/render/dialect.hpp"
#include "quarry/render/sql.hpp"
#include "quarry/render/ddl.hpp"
