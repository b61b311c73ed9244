#pragma once

#include "domain/validation.h"

#include <QByteArray>

namespace flowviz::api {

// Checks the text of a JSON body that parsed for what parsing silently changed: a NUL character
// (cut off by PostgreSQL, refused in text columns), a lone UTF-16 surrogate escape (not a
// character), and a number with more significant digits than a double keeps (rounded). Each problem
// names the member it is in ("notes", "parents[0].quantity_used_kg"). Syntax errors are left to the
// parser.
FieldErrors checkJsonText(const QByteArray &body);

} // namespace flowviz::api
