#include "StepAction.h"

using namespace Qt::Literals::StringLiterals;

QString stepActionName(StepAction action)
{
    switch (action) {
    case StepAction::None: return {};
    case StepAction::Load: return u"load"_s;
    case StepAction::Store: return u"store"_s;
    case StepAction::Acquire: return u"acquire"_s;
    case StepAction::Release: return u"release"_s;
    case StepAction::Put: return u"put"_s;
    case StepAction::Get: return u"get"_s;
    }
    return {};
}

StepAction stepActionFromRaw(std::uint32_t raw)
{
    return raw <= std::uint32_t(StepAction::Get) ? StepAction(raw) : StepAction::None;
}
