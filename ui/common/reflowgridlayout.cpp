#include "ui/common/reflowgridlayout.h"

#include <QWidget>

#include <algorithm>

namespace flowviz::ui {

ReflowGridLayout::ReflowGridLayout(QWidget *parent) : QLayout(parent) {}

ReflowGridLayout::~ReflowGridLayout()
{
    while (QLayoutItem *item = takeAt(0))
        delete item;
}

void ReflowGridLayout::addItem(QLayoutItem *item)
{
    m_items.append(item);
}

int ReflowGridLayout::count() const
{
    return int(m_items.size());
}

QLayoutItem *ReflowGridLayout::itemAt(int index) const
{
    return m_items.value(index);
}

QLayoutItem *ReflowGridLayout::takeAt(int index)
{
    if (index < 0 || index >= m_items.size())
        return nullptr;
    return m_items.takeAt(index);
}

Qt::Orientations ReflowGridLayout::expandingDirections() const
{
    return Qt::Horizontal;
}

bool ReflowGridLayout::hasHeightForWidth() const
{
    return true;
}

int ReflowGridLayout::heightForWidth(int width) const
{
    return doLayout(QRect(0, 0, width, 0), false);
}

QList<QLayoutItem *> ReflowGridLayout::visibleItems() const
{
    QList<QLayoutItem *> out;
    for (QLayoutItem *item : m_items)
        if (!item->isEmpty())
            out.append(item);
    return out;
}

int ReflowGridLayout::cellWidth() const
{
    int w = 0;
    for (const QLayoutItem *item : visibleItems())
        w = std::max(w, std::max(item->sizeHint().width(), item->minimumSize().width()));
    return w;
}

int ReflowGridLayout::columnsFor(int width) const
{
    const QList<QLayoutItem *> items = visibleItems();
    if (items.isEmpty())
        return 0;
    const QMargins m = contentsMargins();
    const int available = width - m.left() - m.right();
    const int gap = std::max(0, spacing());
    const int cell = std::max(1, cellWidth());
    const int fit = (available + gap) / (cell + gap);
    return std::clamp(fit, 1, int(items.size()));
}

QSize ReflowGridLayout::minimumSize() const
{
    // One column: the widest item.
    const QMargins m = contentsMargins();
    return QSize(cellWidth() + m.left() + m.right(), 0);
}

QSize ReflowGridLayout::sizeHint() const
{
    // Everything in one row when there is room for it.
    const QList<QLayoutItem *> items = visibleItems();
    const QMargins m = contentsMargins();
    const int gap = std::max(0, spacing());
    const int n = int(items.size());
    const int w = n == 0 ? 0 : n * cellWidth() + (n - 1) * gap;
    int h = 0;
    for (const QLayoutItem *item : items)
        h = std::max(h, item->sizeHint().height());
    return QSize(w + m.left() + m.right(), h + m.top() + m.bottom());
}

void ReflowGridLayout::setGeometry(const QRect &rect)
{
    QLayout::setGeometry(rect);
    doLayout(rect, true);
}

int ReflowGridLayout::doLayout(const QRect &rect, bool apply) const
{
    const QList<QLayoutItem *> items = visibleItems();
    const QRect r = rect.marginsRemoved(contentsMargins());
    if (items.isEmpty())
        return rect.height() - r.height();
    const int gap = std::max(0, spacing());
    const int columns = columnsFor(rect.width());
    const int width = std::max(1, (r.width() - (columns - 1) * gap) / columns);
    int y = r.y();
    for (int start = 0; start < items.size(); start += columns) {
        int rowHeight = 0;
        const int end = std::min(int(items.size()), start + columns);
        for (int i = start; i < end; ++i) {
            const QLayoutItem *item = items.at(i);
            const int h =
                item->hasHeightForWidth() ? item->heightForWidth(width) : item->sizeHint().height();
            rowHeight = std::max({rowHeight, h, item->minimumSize().height()});
        }
        if (apply) {
            for (int i = start; i < end; ++i)
                items.at(i)->setGeometry(
                    QRect(r.x() + (i - start) * (width + gap), y, width, rowHeight));
        }
        y += rowHeight + gap;
    }
    y -= gap;
    const QMargins m = contentsMargins();
    return y - rect.y() + m.bottom();
}

} // namespace flowviz::ui
