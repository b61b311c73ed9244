#pragma once

#include "backend/api/apicontext.h"

#include "backend/recalls/recallexport.h"

#include "domain/wire/recall.h"

namespace flowviz::recalls::service {

// Opens a recall of a lot of any type (or a drill, which puts nothing on HOLD): 404 for an
// unknown lot, 409 while the lot has an open recall (the answer names it; a drill is never
// refused for it) or when the id is taken.
wire::Recall openRecall(api::Tx &tx, const wire::OpenRecall &command);
// 404 for an unknown reference.
wire::Recall recall(api::Tx &tx, const QString &reference);
// The recall as an XLSX workbook (recallXlsx); 404 for an unknown reference.
QByteArray recallWorkbook(api::Tx &tx, const QString &reference);
QList<wire::Recall> recalls(api::Tx &tx, const std::optional<RecallStatus> &status,
                            const std::optional<bool> &drill, int limit);
// The FSMA 204 critical tracking events of one product (a lot type), days from..to included.
QList<KdeEvent> kdeEvents(api::Tx &tx, LotType product, const QDate &from, const QDate &to);
// 404 for an unknown reference, 409 when it is closed already.
wire::Recall closeRecall(api::Tx &tx, const QString &reference, const QString &note);

} // namespace flowviz::recalls::service
