using DMarketAspire.BotService.Localization;
using DMarketAspire.Data.Domain;

namespace DMarketAspire.BotService.Commands;

/// <summary>One command to answer: who sent it (their settings, language, whether they are new or an admin) and what.</summary>
public sealed record CommandContext(BotUser User, BotTexts Texts, ParsedCommand Command, long ChatId, bool IsNewUser, bool IsAdmin, int? MessageId = null);
