#include "GilTarget.h"

using namespace Qt::Literals::StringLiterals;

QString GilTarget::statusName() const
{
    switch (status) {
    case Status::NotPython: return u"not_python"_s;
    case Status::Readable: return u"shown"_s;
    case Status::FreeThreaded: return u"free_threaded"_s;
    case Status::Unsupported: return u"unsupported"_s;
    case Status::NotAllowed: return u"not_allowed"_s;
    case Status::Unreadable: return u"unreadable"_s;
    }
    return {};
}
