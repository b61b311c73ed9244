#pragma once

#include "domain/wire/recall.h"

#include <QJsonObject>

namespace flowviz::recalls {

inline constexpr int kRecallTextMin = 10; // non-blank characters
inline constexpr int kRecallTextMax = 2000;

// The strict decoders of what a client sends to the recall routes (422 on any problem).
// POST /api/v1/recalls: the lot (any type), why, and whether it is a drill.
wire::OpenRecall decodeOpenRecall(const QJsonObject &body);
// POST /api/v1/recalls/{reference}/close: the closing note.
QString decodeCloseNote(const QJsonObject &body);

} // namespace flowviz::recalls
