using DMarketAspire.Data.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace DMarketAspire.BotService.Updates;

/// <summary>Telegram says the user blocked (or unblocked) the bot: stop (or resume) sending to them.</summary>
public sealed class ChatMemberHandler(DMarketDbContext db)
{
    public async Task HandleAsync(ChatMemberUpdated update, CancellationToken cancellationToken)
    {
        if (update.Chat.Type != ChatType.Private)
        {
            return;
        }

        var blocked = update.NewChatMember.Status is ChatMemberStatus.Kicked or ChatMemberStatus.Left;
        await db.BotUsers.Where(u => u.Id == update.Chat.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.Blocked, blocked), cancellationToken);
    }
}
