#pragma once

#include "app/scan/gs1parser.h"

#include <QElapsedTimer>
#include <QEvent>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>

#include <functional>

class QKeyEvent;
class QWidget;

namespace flowviz::ui {

// Recognises barcode scans from keyboard-wedge scanners anywhere in the application.
//
// Install it with qApp->installEventFilter(). A scan is a burst of keystrokes, each within
// maxInterKeyInterval() of the previous one, at least minLength() characters long, ended by
// Enter/Return. No keystroke is ever held back: each reaches the focused widget at once, so a
// button tapped right after typing reads what was typed. When a burst turns out to be a scan,
// what it typed is taken back out of the text field that received it (only if the field still
// holds exactly that), its Enter is swallowed and scanned() is emitted. A scanner configured
// without an Enter suffix therefore simply types. A tap, click, touch, shortcut or focus change
// ends a burst: what follows is a person's input. Password fields are never scanned, and while a
// modal dialog or a popup is open no scan is emitted: the keystrokes stay with the dialog.
class ScannerInput : public QObject
{
    Q_OBJECT

public:
    // Milliseconds on any monotonic scale; injected by tests to make timing deterministic.
    using Clock = std::function<qint64()>;

    static constexpr int kDefaultMaxInterKeyIntervalMs = 40;
    static constexpr int kDefaultMinLength = 4;
    static constexpr int kDefaultDebounceMs = 1500;

    explicit ScannerInput(QObject *parent = nullptr);
    ~ScannerInput() override;

    bool isEnabled() const { return m_enabled; }
    void setEnabled(bool enabled);
    int maxInterKeyInterval() const { return m_maxIntervalMs; }
    void setMaxInterKeyInterval(int ms);
    int minLength() const { return m_minLength; }
    void setMinLength(int characters);
    int debounceInterval() const { return m_debounceMs; }
    void setDebounceInterval(int ms);
    // Text the scanner sends before / after the data (control characters are always removed).
    QString prefix() const { return m_prefix; }
    void setPrefix(const QString &prefix);
    QString suffix() const { return m_suffix; }
    void setSuffix(const QString &suffix);
    // Without a clock, key-event timestamps are used when the platform provides them, else a
    // monotonic timer. Debouncing uses the clock, or the monotonic timer.
    void setClock(Clock clock);

    // Handles `keystrokes` as one complete scan (prefix/suffix and control characters are
    // stripped, GS1 is parsed, duplicates are debounced). Returns whether scanned() was emitted.
    // Pages can route a code typed into a search field through here, too.
    bool processScan(const QString &keystrokes);
    // Ends the current burst: keystrokes so far are a person's typing. Nothing is ever held
    // back, so there is nothing to deliver.
    void flush();

signals:
    // `code` is the normalised lot code (AI 10 of a GS1 scan, else the whole scan); `raw` is
    // the barcode data without prefix, suffix and control characters (GS1 separators kept).
    void scanned(const QString &code, const QString &raw);
    // The same scan with the parser's details: validity, operator message, GS1 elements.
    void scanResult(const flowviz::app::ScanResult &result);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    enum class TimeSource
    {
        Clock,
        EventTimestamp,
        Monotonic
    };
    // The text field a burst types into, as it was before the burst's first keystroke.
    struct Snapshot
    {
        enum class Kind
        {
            None, // not a text field: nothing to take back
            LineEdit,
            TextEdit
        };
        Kind kind = Kind::None;
        QPointer<QWidget> editor;
        QString text;
        int cursor = 0;
        int selectionStart = 0; // where typing inserts: the cursor, or the selection's start
        int selectionLength = 0;
        bool cursorAtSelectionStart = false;
    };

    bool handleKeyPress(QObject *watched, QKeyEvent *event);
    bool handleKeyRelease(QKeyEvent *event);
    bool burstActive() const { return !m_burstReceiver.isNull(); }
    void endBurst();
    bool isFast(qint64 now, TimeSource source) const;
    qint64 nowFor(const QKeyEvent *event, TimeSource *source) const;
    qint64 debounceNow() const;
    static Snapshot snapshotOf(QWidget *receiver);
    static void takeBack(const Snapshot &snapshot, const QString &burst);
    static bool isSecret(const QWidget *receiver);

    bool m_enabled = true;
    int m_maxIntervalMs = kDefaultMaxInterKeyIntervalMs;
    int m_minLength = kDefaultMinLength;
    int m_debounceMs = kDefaultDebounceMs;
    QString m_prefix;
    QString m_suffix;
    Clock m_clock;
    QElapsedTimer m_monotonic;

    // The burst so far: every key already went to m_burstReceiver.
    QPointer<QWidget> m_burstReceiver;
    QString m_burstText;
    Snapshot m_snapshot;
    qint64 m_lastPressTime = 0;
    TimeSource m_lastPressSource = TimeSource::Monotonic;
    QSet<int> m_swallowReleases; // keys swallowed as part of a scan whose releases are to come

    // An ignored key event travels up the parent chain and passes the filter once per widget.
    const QEvent *m_lastEvent = nullptr;
    QEvent::Type m_lastEventType = QEvent::None;
    QPointer<QObject> m_lastReceiver;

    QString m_lastCode;
    qint64 m_lastCodeTime = 0;
};

} // namespace flowviz::ui
