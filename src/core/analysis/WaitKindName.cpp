#include "WaitKindName.h"

#include <utility>

namespace {
const std::pair<WaitKind, const char16_t *> WaitNames[] = {
    {WaitKind::Lock, u"lock"},           {WaitKind::QueueFull, u"queue_full"}, {WaitKind::QueueEmpty, u"queue_empty"},
    {WaitKind::Child, u"child"},         {WaitKind::PipeWrite, u"pipe_write"}, {WaitKind::PipeRead, u"pipe_read"},
};
} // namespace

QString WaitKindName::of(WaitKind kind)
{
    for (const auto &[known, name] : WaitNames) {
        if (known == kind)
            return QString::fromUtf16(name);
    }
    return {};
}

WaitKind WaitKindName::named(const QString &name)
{
    for (const auto &[kind, known] : WaitNames) {
        if (name == QStringView(known))
            return kind;
    }
    return WaitKind::None;
}
