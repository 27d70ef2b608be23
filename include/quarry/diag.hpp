#pragma once
/// \file quarry/diag.hpp
/// Diagnostics: the statement hook event, quarry::diag::query_counter and the repeated-statement
/// (N+1) guard. See docs/relations.md ("Query counting").

#include "quarry/quarry.hpp"
#include "quarry/diag/statement_event.hpp"
#include "quarry/diag/query_counter.hpp"
#include "quarry/diag/statement_guard.hpp"
