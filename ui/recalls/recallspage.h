#pragma once

#include "app/recalls/recalldesk.h"
#include "ui/common/fielderror.h"
#include "ui/common/pageframe.h"

#include <QMap>
#include <QTimer>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace flowviz::ui {

// Recalls and drills for managers (auditors read): the list, newest first; a form that opens a
// recall (or a drill, which holds nothing) for a scanned lot with its reason, which needs a
// second touch within 10 seconds that says what it will do; the chosen recall with the
// customers to contact; its PDF report (written here) and workbook (from the server) saved to a
// file; and the recall closed with a note, again on a second touch.
class RecallsPage : public QWidget
{
    Q_OBJECT

public:
    explicit RecallsPage(app::RecallDesk *desk, QWidget *parent = nullptr);

    // Who is logged in (named in the PDF) and whether they may open and close recalls.
    void setUser(const QString &name, bool canChange);

    // For tests.
    QTableWidget *recallsTable() const { return m_recalls; }
    QTableWidget *customersTable() const { return m_customers; }
    QLineEdit *lotEdit() const { return m_lot; }
    QPlainTextEdit *reasonEdit() const { return m_reason; }
    QCheckBox *drillBox() const { return m_drill; }
    QPushButton *openButton() const { return m_open; }
    // What the next touch of openButton() will do; hidden when it needs a first touch.
    QLabel *confirmLabel() const { return m_confirm; }
    QLineEdit *noteEdit() const { return m_note; }
    QPushButton *closeButton() const { return m_close; }
    QPushButton *pdfButton() const { return m_pdf; }
    QPushButton *workbookButton() const { return m_workbook; }
    QLabel *currentLabel() const { return m_current; }
    // The inline message of a field (`lot_code`, `reason`, `note`, or "" for the page).
    QString message(const QString &field) const;
    // The last thing that went well, empty after a refusal.
    QString notice() const;
    QStringList recallReferences() const;
    bool selectRecall(const QString &reference);
    // What the Save buttons do once a file is chosen.
    bool savePdf(const QString &path);
    void saveWorkbook(const QString &path);

public slots:
    // A scanned label fills the lot to recall.
    void handleScan(const QString &code);
    void reload();

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void fillRecalls();
    void showCurrent();
    void showMessages(const app::RecallDesk::Messages &messages);
    void setNotice(const QString &text);
    void disarm();
    void openTouched();
    void closeTouched();
    void askPdf();
    void askWorkbook();

    app::RecallDesk *m_desk;
    QString m_user;
    bool m_canChange = false;
    QLabel *m_title = nullptr;
    QLabel *m_listTitle = nullptr;
    QTableWidget *m_recalls = nullptr;
    QLabel *m_formTitle = nullptr;
    QMap<QString, QLabel *> m_captions;
    QLineEdit *m_lot = nullptr;
    QPlainTextEdit *m_reason = nullptr;
    QCheckBox *m_drill = nullptr;
    QPushButton *m_open = nullptr;
    QLabel *m_confirm = nullptr;
    QLabel *m_current = nullptr;
    QTableWidget *m_customers = nullptr;
    QPushButton *m_pdf = nullptr;
    QPushButton *m_workbook = nullptr;
    QLineEdit *m_note = nullptr;
    QPushButton *m_close = nullptr;
    FieldMessages m_messages;
    PageFrame m_frame; // after m_messages: it adds the page message line
    QTimer m_disarm;
    enum class Armed
    {
        None,
        Open,
        Close
    } m_armed = Armed::None;
    bool m_filling = false;
};

} // namespace flowviz::ui
