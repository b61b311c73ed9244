#include "ui/scanner/scannerinput.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextEdit>
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

// Whether `part` is `whole` with some characters left out (a validator or a length limit may
// have refused some of a burst's characters).
bool isSubsequence(QStringView part, QStringView whole)
{
    qsizetype j = 0;
    for (const QChar c : part) {
        while (j < whole.size() && whole[j] != c)
            ++j;
        if (j == whole.size())
            return false;
        ++j;
    }
    return true;
}

bool modalOrPopupOpen()
{
    return qobject_cast<QApplication *>(QCoreApplication::instance()) &&
           (QApplication::activeModalWidget() || QApplication::activePopupWidget());
}

} // namespace

ScannerInput::ScannerInput(QObject *parent) : QObject(parent)
{
    m_monotonic.start();
}

ScannerInput::~ScannerInput() = default;

void ScannerInput::setEnabled(bool enabled)
{
    endBurst();
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

void ScannerInput::flush()
{
    endBurst();
}

bool ScannerInput::eventFilter(QObject *watched, QEvent *event)
{
    const QEvent::Type type = event->type();
    switch (type) {
    case QEvent::KeyPress:
    case QEvent::KeyRelease:
    case QEvent::ShortcutOverride:
        break;
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonDblClick:
    case QEvent::TouchBegin:
    case QEvent::TabletPress:
    case QEvent::Shortcut:
    case QEvent::FocusIn:
    case QEvent::FocusOut:
    case QEvent::InputMethod:
    case QEvent::WindowDeactivate:
        // A person's action: keys before it were typed, and an Enter after it is no scan's.
        endBurst();
        return false;
    default:
        return false;
    }
    // Widgets get key events from their QWindow; taking them at the widget keeps one decision
    // per keystroke.
    if (!m_enabled || !watched->isWidgetType())
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
    case QEvent::ShortcutOverride: {
        // Mid-scan, a character must not fire a shortcut instead of reaching the field. Only a
        // keystroke that follows the burst at a scanner's pace is mid-scan: Ctrl+S pressed after
        // typing a value into the field is the person's shortcut, not scanner framing.
        TimeSource source = TimeSource::Monotonic;
        const qint64 now = nowFor(key, &source);
        if (burstActive() && watched == m_burstReceiver && isFast(now, source) &&
            (isScanCandidate(key) || isTerminator(key))) {
            key->accept();
            return true;
        }
        return false;
    }
    case QEvent::KeyPress:
        return handleKeyPress(watched, key);
    default:
        return handleKeyRelease(key);
    }
}

bool ScannerInput::handleKeyPress(QObject *watched, QKeyEvent *event)
{
    auto *receiver = static_cast<QWidget *>(watched);
    TimeSource source = TimeSource::Monotonic;
    const qint64 now = nowFor(event, &source);

    if (isTerminator(event)) {
        const bool scan = burstActive() && receiver == m_burstReceiver && isFast(now, source) &&
                          m_burstText.size() >= m_minLength;
        const QString keystrokes = m_burstText;
        const Snapshot snapshot = m_snapshot;
        endBurst();
        if (!scan)
            return false;
        m_swallowReleases.insert(event->key());
        // A dialog or popup in front: the scan is not for the page behind it. What it typed
        // stays with the dialog, and its Enter does not press the dialog's default button.
        if (modalOrPopupOpen())
            return true;
        takeBack(snapshot, keystrokes);
        processScan(keystrokes);
        return true;
    }

    if (isScanCandidate(event)) {
        if (isSecret(receiver)) {
            endBurst(); // a password is typed, never scanned, whatever the speed
            return false;
        }
        const bool continues = burstActive() && receiver == m_burstReceiver && isFast(now, source);
        if (!continues) {
            endBurst();
            m_burstReceiver = receiver;
            m_snapshot = snapshotOf(receiver);
            m_swallowReleases.clear();
        }
        m_burstText += event->text();
        m_lastPressTime = now;
        m_lastPressSource = source;
        // Inside a burst, a control character (STX, ETX, the GS1 separator typed with Ctrl) is
        // scanner framing: as Ctrl+C or Ctrl+K it would copy or delete in the field.
        const QString text = event->text();
        return continues && std::all_of(text.begin(), text.end(), isControl);
    }

    if (!isModifierKey(event->key())) // scanners press Shift for capitals
        endBurst();
    return false;
}

bool ScannerInput::handleKeyRelease(QKeyEvent *event)
{
    return !event->isAutoRepeat() && m_swallowReleases.remove(event->key());
}

void ScannerInput::endBurst()
{
    m_burstReceiver = nullptr;
    m_burstText.clear();
    m_snapshot = Snapshot();
}

ScannerInput::Snapshot ScannerInput::snapshotOf(QWidget *receiver)
{
    Snapshot s;
    QWidget *editor = receiver;
    if (qobject_cast<QAbstractSpinBox *>(receiver) || qobject_cast<QComboBox *>(receiver))
        editor = receiver->findChild<QLineEdit *>(QString(), Qt::FindDirectChildrenOnly);
    if (auto *edit = qobject_cast<QLineEdit *>(editor); edit && !edit->isReadOnly()) {
        s.kind = Snapshot::Kind::LineEdit;
        s.text = edit->text();
        s.cursor = edit->cursorPosition();
        s.selectionStart = edit->hasSelectedText() ? edit->selectionStart() : s.cursor;
        s.selectionLength = edit->hasSelectedText() ? edit->selectionLength() : 0;
    } else if (auto *plain = qobject_cast<QPlainTextEdit *>(editor);
               plain && !plain->isReadOnly()) {
        s.kind = Snapshot::Kind::TextEdit;
        s.text = plain->document()->toPlainText();
        const QTextCursor c = plain->textCursor();
        s.cursor = c.position();
        s.selectionStart = c.selectionStart();
        s.selectionLength = c.selectionEnd() - c.selectionStart();
    } else if (auto *rich = qobject_cast<QTextEdit *>(editor); rich && !rich->isReadOnly()) {
        s.kind = Snapshot::Kind::TextEdit;
        s.text = rich->document()->toPlainText();
        const QTextCursor c = rich->textCursor();
        s.cursor = c.position();
        s.selectionStart = c.selectionStart();
        s.selectionLength = c.selectionEnd() - c.selectionStart();
    }
    s.cursorAtSelectionStart = s.selectionLength > 0 && s.cursor == s.selectionStart;
    if (s.kind != Snapshot::Kind::None)
        s.editor = editor;
    return s;
}

bool ScannerInput::isSecret(const QWidget *receiver)
{
    if (const auto *edit = qobject_cast<const QLineEdit *>(receiver);
        edit && edit->echoMode() != QLineEdit::Normal)
        return true;
    return receiver->inputMethodHints() & (Qt::ImhHiddenText | Qt::ImhSensitiveData);
}

// Takes what a burst typed back out of its field, only if the field holds exactly the snapshot
// with (some of) the burst's characters typed in where its cursor or selection was. Text set
// by the program meanwhile is left alone. The field's own editing calls are used, so its undo
// history, validator and textEdited() signal see an ordinary edit.
void ScannerInput::takeBack(const Snapshot &s, const QString &burst)
{
    if (s.kind == Snapshot::Kind::None || !s.editor)
        return;
    auto *edit = qobject_cast<QLineEdit *>(s.editor.data());
    auto *plain = qobject_cast<QPlainTextEdit *>(s.editor.data());
    auto *rich = qobject_cast<QTextEdit *>(s.editor.data());
    QTextDocument *document = plain ? plain->document() : (rich ? rich->document() : nullptr);
    const QString now = edit ? edit->text() : (document ? document->toPlainText() : QString());
    if (now == s.text)
        return; // nothing got in
    const QStringView before = QStringView(s.text).left(s.selectionStart);
    const QStringView after = QStringView(s.text).sliced(s.selectionStart + s.selectionLength);
    if (now.size() < before.size() + after.size() || !now.startsWith(before) ||
        !now.endsWith(after))
        return;
    const QStringView inserted =
        QStringView(now).sliced(before.size(), now.size() - before.size() - after.size());
    if (!isSubsequence(inserted, burst))
        return;
    const QString replaced = s.text.mid(s.selectionStart, s.selectionLength);

    const int start = int(before.size());
    if (edit) {
        edit->setSelection(start, int(inserted.size()));
        if (replaced.isEmpty())
            edit->del();
        else
            edit->insert(replaced);
        if (s.selectionLength == 0)
            edit->setCursorPosition(s.cursor);
        else if (s.cursorAtSelectionStart)
            edit->setSelection(start + s.selectionLength, -s.selectionLength);
        else
            edit->setSelection(start, s.selectionLength);
        return;
    }
    QTextCursor c(document);
    c.setPosition(start);
    c.setPosition(start + int(inserted.size()), QTextCursor::KeepAnchor);
    if (replaced.isEmpty())
        c.removeSelectedText();
    else
        c.insertText(replaced);
    QTextCursor restored(document);
    if (s.selectionLength == 0) {
        restored.setPosition(s.cursor);
    } else {
        const int end = start + s.selectionLength;
        restored.setPosition(s.cursorAtSelectionStart ? end : start);
        restored.setPosition(s.cursorAtSelectionStart ? start : end, QTextCursor::KeepAnchor);
    }
    if (plain)
        plain->setTextCursor(restored);
    else
        rich->setTextCursor(restored);
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
