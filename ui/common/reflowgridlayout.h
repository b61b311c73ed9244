#pragma once

#include <QLayout>
#include <QList>

namespace flowviz::ui {

// Lays items out in a grid of equal columns that reflows to the width it gets: as many columns
// as the widest item's size hint allows, then further rows. Items are never narrower than their
// size hint (so a button's text is never clipped) unless one item alone is wider than the
// layout; the layout's height follows its width (heightForWidth).
class ReflowGridLayout : public QLayout
{
public:
    explicit ReflowGridLayout(QWidget *parent = nullptr);
    ~ReflowGridLayout() override;

    void addItem(QLayoutItem *item) override;
    int count() const override;
    QLayoutItem *itemAt(int index) const override;
    QLayoutItem *takeAt(int index) override;
    Qt::Orientations expandingDirections() const override;
    bool hasHeightForWidth() const override;
    int heightForWidth(int width) const override;
    QSize minimumSize() const override;
    QSize sizeHint() const override;
    void setGeometry(const QRect &rect) override;

    // How many columns the items get at this width (contents margins included).
    int columnsFor(int width) const;

private:
    QList<QLayoutItem *> visibleItems() const;
    int cellWidth() const;
    int doLayout(const QRect &rect, bool apply) const;

    QList<QLayoutItem *> m_items;
};

} // namespace flowviz::ui
