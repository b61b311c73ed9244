#pragma once

#include "domain/wire/recall.h"

#include <QJsonObject>

namespace flowviz::recalls {

// The strict decoders of what a client sends to the recall routes (422 on any problem).
// POST /api/v1/recalls: the lot (any type), why, and whether it is a drill.
wire::OpenRecall decodeOpenRecall(const QJsonObject &body);
// POST /api/v1/recalls/{reference}/close: the closing note.
QString decodeCloseNote(const QJsonObject &body);

} // namespace flowviz::recalls
