#pragma once

#include "domain/wire/recall.h"

#include <QList>
#include <QMap>
#include <QObject>
#include <QString>

#include <optional>

namespace flowviz::app {

class ApiClient;
struct ApiError;

// Recalls at the supervisor's desk (the server's kCanRecall: ADMIN, MANAGER open and close;
// AUDITOR reads): the recalls and drills, newest first; one chosen with its customers,
// shipment lines and lots; a recall or a drill opened for a scanned lot with its reason; the
// chosen recall closed with a note; its workbook saved from the server. Online only: a recall
// puts lots on HOLD at the moment it is opened, so nothing here is queued to be sent later.
class RecallDesk : public QObject
{
    Q_OBJECT

public:
    struct Draft
    {
        QString lotCode;
        QString reason;
        bool drill = false;
    };
    // Field (`lot_code`, `reason`, `note`, or empty for the request as a whole) → a sentence in
    // the user's language.
    using Messages = QMap<QString, QString>;

    explicit RecallDesk(ApiClient *api, QObject *parent = nullptr);

    // Newest first, without their lists.
    QList<wire::Recall> recalls() const { return m_recalls; }
    // The chosen recall, whole.
    std::optional<wire::Recall> current() const { return m_current; }
    bool isBusy() const { return m_busy > 0; }

    void reload();
    void select(const QString &reference);
    Messages validate(const Draft &draft) const;
    // Validates and sends; the new recall becomes the chosen one.
    void open(const Draft &draft);
    Messages validateNote(const QString &note) const;
    // Closes the chosen recall with the note.
    void closeCurrent(const QString &note);
    // The chosen recall's workbook (XLSX, from the server) written to `filePath` whole or not at
    // all; saved() or failed().
    void saveWorkbook(const QString &filePath);

    // The user's sentence for a refused or failed request about `lotCode` (may be empty).
    static QString errorMessage(const ApiError &error, const QString &lotCode = {});

signals:
    void loaded();
    void currentChanged();
    void opened(const QString &reference, bool drill);
    void closed(const QString &reference);
    void saved(const QString &filePath);
    void failed(const flowviz::app::RecallDesk::Messages &messages);

private:
    void finish();
    void fail(const ApiError &error, const QString &lotCode);
    Messages checkStatement(const QString &text, const QString &field) const;

    ApiClient *m_api;
    QList<wire::Recall> m_recalls;
    std::optional<wire::Recall> m_current;
    quint64 m_selectSerial = 0; // only the newest choice's answer counts
    int m_busy = 0;
};

} // namespace flowviz::app
