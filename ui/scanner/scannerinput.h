#pragma once

#include "scan/gs1parser.h"

#include <QElapsedTimer>
#include <QEvent>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QTimer>

#include <functional>

class QKeyEvent;

namespace flowviz::ui {

// Recognises barcode scans from keyboard-wedge scanners anywhere in the application.
//
// Install it with qApp->installEventFilter(). A scan is a burst of keystrokes, each within
// maxInterKeyInterval() of the previous one, at least minLength() characters long, ended by
// Enter/Return. Printable keystrokes are held back for a moment: if they turn out to be a scan
// they are swallowed (nothing reaches the focused widget) and scanned() is emitted; otherwise
// they are replayed, in order, to the widget that would have received them, so people type as
// usual. A scanner configured without an Enter suffix therefore looks like fast typing.
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
    // Replays held keystrokes to their widgets now instead of after the hold time.
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
    struct HeldKey
    {
        QPointer<QObject> receiver;
        QEvent::Type type;
        int key;
        Qt::KeyboardModifiers modifiers;
        quint32 nativeScanCode;
        quint32 nativeVirtualKey;
        quint32 nativeModifiers;
        QString text;
        bool autoRepeat;
        int count;
    };

    bool handleKeyPress(QObject *watched, QKeyEvent *event);
    bool handleKeyRelease(QObject *watched, QKeyEvent *event);
    bool burstActive() const { return !m_held.isEmpty(); }
    void hold(QObject *receiver, const QKeyEvent *event);
    bool isFast(qint64 now, TimeSource source) const;
    qint64 nowFor(const QKeyEvent *event, TimeSource *source) const;
    qint64 debounceNow() const;

    bool m_enabled = true;
    int m_maxIntervalMs = kDefaultMaxInterKeyIntervalMs;
    int m_minLength = kDefaultMinLength;
    int m_debounceMs = kDefaultDebounceMs;
    QString m_prefix;
    QString m_suffix;
    Clock m_clock;
    QElapsedTimer m_monotonic;

    QList<HeldKey> m_held;
    QString m_heldText;
    qint64 m_lastPressTime = 0;
    TimeSource m_lastPressSource = TimeSource::Monotonic;
    QTimer m_flushTimer;
    QSet<int> m_swallowReleases; // keys of a finished scan whose releases are still to come
    int m_replaying = 0;

    // An ignored key event travels up the parent chain and passes the filter once per widget.
    const QEvent *m_lastEvent = nullptr;
    QEvent::Type m_lastEventType = QEvent::None;
    QPointer<QObject> m_lastReceiver;

    QString m_lastCode;
    qint64 m_lastCodeTime = 0;
};

} // namespace flowviz::ui
