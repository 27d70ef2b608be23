#pragma once
/// \file quarry/postgres.hpp
/// quarry with the PostgreSQL backend. The libpq backend is being built (issue #3); today this
/// header provides the dialect (quarry::postgres_dialect) for rendering only.

#include "quarry/quarry.hpp"
