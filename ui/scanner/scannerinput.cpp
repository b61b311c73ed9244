#include "scannerinput.h"

#include <QCoreApplication>
#include <QKeyEvent>
#include <QScopedValueRollback>
#include <QWidget>

#include <algorithm>

namespace flowviz::ui {

namespace {

bool isTerminator(const QKeyEvent *event)
{
    const int key = event->key();
    const auto mods =
        event->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier);
    return (key == Qt::Key_Return || key == Qt::Key_Enter) && mods == Qt::NoModifier &&
           !event->isAutoRepeat();
}

bool isModifierKey(int key)
{
    return key == Qt::Key_Shift || key == Qt::Key_Control || key == Qt::Key_Alt ||
           key == Qt::Key_Meta || key == Qt::Key_AltGr;
}

bool isControl(QChar c)
{
    return c.category() == QChar::Other_Control;
}

// Editing keys that produce control characters and must never be taken for scan data.
bool isEditingControl(QChar c)
{
    return c == u'\t' || c == u'\n' || c == u'\r' || c == u'\b' || c == QChar(0x1B) ||
           c == QChar(0x7F);
}

// A keystroke that may be part of a scan: it produces text, and any Ctrl is there only to
// produce a control character (how wedges type STX, ETX or the GS1 group separator).
bool isScanCandidate(const QKeyEvent *event)
{
    const QString text = event->text();
    if (event->isAutoRepeat() || text.isEmpty())
        return false;
    if (std::any_of(text.begin(), text.end(), isEditingControl))
        return false;
    const auto mods = event->modifiers();
    if (mods & (Qt::AltModifier | Qt::MetaModifier))
        return false;
    if (mods & Qt::ControlModifier)
        return std::all_of(text.begin(), text.end(), isControl);
    return true;
}

QString withoutControls(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (!isControl(c) || c == app::Gs1Parser::kGroupSeparator)
            out += c;
    }
    return out;
}

} // namespace

ScannerInput::ScannerInput(QObject *parent) : QObject(parent)
{
    m_monotonic.start();
    m_flushTimer.setSingleShot(true);
    connect(&m_flushTimer, &QTimer::timeout, this, &ScannerInput::flush);
}

ScannerInput::~ScannerInput()
{
    flush();
}

void ScannerInput::setEnabled(bool enabled)
{
    if (!enabled)
        flush();
    m_enabled = enabled;
}

void ScannerInput::setMaxInterKeyInterval(int ms)
{
    m_maxIntervalMs = std::max(1, ms);
}

void ScannerInput::setMinLength(int characters)
{
    m_minLength = std::max(1, characters);
}

void ScannerInput::setDebounceInterval(int ms)
{
    m_debounceMs = std::max(0, ms);
}

void ScannerInput::setPrefix(const QString &prefix)
{
    m_prefix = prefix;
}

void ScannerInput::setSuffix(const QString &suffix)
{
    m_suffix = suffix;
}

void ScannerInput::setClock(Clock clock)
{
    m_clock = std::move(clock);
}

bool ScannerInput::eventFilter(QObject *watched, QEvent *event)
{
    const QEvent::Type type = event->type();
    if (type != QEvent::KeyPress && type != QEvent::KeyRelease && type != QEvent::ShortcutOverride)
        return false;
    // Widgets get key events from their QWindow; taking them at the widget keeps one decision
    // per keystroke. Our own replays pass untouched.
    if (!m_enabled || m_replaying > 0 || !watched->isWidgetType())
        return false;

    if (event == m_lastEvent && type == m_lastEventType && m_lastReceiver &&
        m_lastReceiver->isWidgetType() && watched != m_lastReceiver &&
        static_cast<QWidget *>(watched)->isAncestorOf(
            static_cast<QWidget *>(m_lastReceiver.data())))
        return false; // the same keystroke propagating to a parent: already decided
    m_lastEvent = event;
    m_lastEventType = type;
    m_lastReceiver = watched;

    auto *key = static_cast<QKeyEvent *>(event);
    switch (type) {
    case QEvent::ShortcutOverride:
        // Mid-scan, a character must not fire a shortcut instead of reaching us as a key press.
        if (burstActive() && (isScanCandidate(key) || isTerminator(key))) {
            key->accept();
            return true;
        }
        return false;
    case QEvent::KeyPress:
        return handleKeyPress(watched, key);
    default:
        return handleKeyRelease(watched, key);
    }
}

bool ScannerInput::handleKeyPress(QObject *watched, QKeyEvent *event)
{
    TimeSource source = TimeSource::Monotonic;
    const qint64 now = nowFor(event, &source);

    if (isTerminator(event)) {
        if (burstActive() && isFast(now, source) && m_heldText.size() >= m_minLength) {
            m_flushTimer.stop();
            m_swallowReleases.insert(event->key());
            for (const HeldKey &held : std::as_const(m_held)) {
                if (held.type == QEvent::KeyPress)
                    m_swallowReleases.insert(held.key);
                else
                    m_swallowReleases.remove(held.key);
            }
            m_held.clear();
            const QString keystrokes = std::exchange(m_heldText, QString());
            processScan(keystrokes);
            return true;
        }
        flush();
        return false;
    }

    if (isScanCandidate(event)) {
        if (burstActive() && !isFast(now, source))
            flush();
        if (!burstActive())
            m_swallowReleases.clear();
        hold(watched, event);
        m_heldText += event->text();
        m_lastPressTime = now;
        m_lastPressSource = source;
        // Twice the key interval: a busy event loop must not split a scan in two.
        m_flushTimer.start(2 * m_maxIntervalMs);
        return true;
    }

    if (isModifierKey(event->key()) && burstActive()) {
        hold(watched, event); // scanners press Shift for capitals; keep the order for replay
        return true;
    }

    flush();
    return false;
}

bool ScannerInput::handleKeyRelease(QObject *watched, QKeyEvent *event)
{
    if (!event->isAutoRepeat() && m_swallowReleases.remove(event->key()))
        return true;
    if (burstActive()) {
        hold(watched, event);
        return true;
    }
    return false;
}

void ScannerInput::hold(QObject *receiver, const QKeyEvent *event)
{
    m_held.append(HeldKey{receiver, event->type(), event->key(), event->modifiers(),
                          event->nativeScanCode(), event->nativeVirtualKey(),
                          event->nativeModifiers(), event->text(), event->isAutoRepeat(),
                          event->count()});
}

void ScannerInput::flush()
{
    m_flushTimer.stop();
    const QList<HeldKey> held = std::exchange(m_held, {});
    m_heldText.clear();
    if (held.isEmpty())
        return;
    const QScopedValueRollback<int> replaying(m_replaying, m_replaying + 1);
    for (const HeldKey &k : held) {
        if (!k.receiver)
            continue; // the widget went away while its keystrokes were held
        QKeyEvent replay(k.type, k.key, k.modifiers, k.nativeScanCode, k.nativeVirtualKey,
                         k.nativeModifiers, k.text, k.autoRepeat, quint16(k.count));
        QCoreApplication::sendEvent(k.receiver, &replay);
    }
}

bool ScannerInput::processScan(const QString &keystrokes)
{
    QString data = withoutControls(keystrokes);
    const QString prefix = withoutControls(m_prefix);
    const QString suffix = withoutControls(m_suffix);
    if (!prefix.isEmpty() && data.startsWith(prefix))
        data.remove(0, prefix.size());
    if (!suffix.isEmpty() && data.endsWith(suffix))
        data.chop(suffix.size());
    data = data.trimmed();
    if (data.isEmpty())
        return false;

    const app::ScanResult result = app::Gs1Parser::parse(data);
    if (result.code.isEmpty())
        return false;

    const qint64 now = debounceNow();
    if (result.code == m_lastCode && now - m_lastCodeTime < m_debounceMs)
        return false; // the same label read twice
    m_lastCode = result.code;
    m_lastCodeTime = now;

    emit scanResult(result);
    emit scanned(result.code, data);
    return true;
}

bool ScannerInput::isFast(qint64 now, TimeSource source) const
{
    if (source != m_lastPressSource)
        return false;
    const qint64 gap = now - m_lastPressTime;
    return gap >= 0 && gap <= m_maxIntervalMs;
}

qint64 ScannerInput::nowFor(const QKeyEvent *event, TimeSource *source) const
{
    // The platform's timestamp is when the key was pressed, not when we got round to it, so a
    // busy event loop does not make a scan look like typing.
    if (m_clock) {
        *source = TimeSource::Clock;
        return m_clock();
    }
    if (event->timestamp() != 0) {
        *source = TimeSource::EventTimestamp;
        return qint64(event->timestamp());
    }
    *source = TimeSource::Monotonic;
    return m_monotonic.elapsed();
}

qint64 ScannerInput::debounceNow() const
{
    return m_clock ? m_clock() : m_monotonic.elapsed();
}

} // namespace flowviz::ui
