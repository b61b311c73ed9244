#pragma once

#include "domain/enums.h"

#include <QLabel>

#include <optional>

namespace flowviz::ui {

// A lot's status as a word and a colour (never colour alone), with "waiting to sync" when
// this workstation's change has not reached the server yet.
class StatusBadge : public QLabel
{
    Q_OBJECT

public:
    explicit StatusBadge(QWidget *parent = nullptr);

    void setStatus(std::optional<LotStatus> status, bool pending = false);
    std::optional<LotStatus> status() const { return m_status; }
    bool isPending() const { return m_pending; }

    static QString colourFor(LotStatus status);

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();

    std::optional<LotStatus> m_status;
    bool m_pending = false;
};

} // namespace flowviz::ui
