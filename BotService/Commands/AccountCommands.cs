using DMarketAspire.Trading.Accounts;
using DMarketAspire.BotService.Accounts;
using DMarketAspire.BotService.Telegram;
using DMarketAspire.DMarket.Client;
using DMarketAspire.DMarket.Client.Signing;

namespace DMarketAspire.BotService.Commands;

/// <summary>
/// <c>/keys</c> (connect, show masked, remove the user's DMarket key pair) and <c>/balance</c>. A pair is checked for
/// shape before anything is sent, then against DMarket's balance endpoint before it is saved; the message that carried
/// the secret is deleted first of all.
/// </summary>
public sealed class AccountCommands(AccountStore accounts, DMarketClient dmarket, BotReplies replies)
{
    private const string Remove = "remove";

    public async Task KeysAsync(CommandContext c, CancellationToken cancellationToken)
    {
        var t = c.Texts;
        var arguments = c.Command.Arguments;
        if (arguments.Count == 1 && string.Equals(arguments[0], Remove, StringComparison.OrdinalIgnoreCase))
        {
            await replies.SendAsync(c.ChatId, await accounts.RemoveAsync(c.User.Id, cancellationToken) ? t.KeysRemoved : t.KeysNeeded, null, cancellationToken);
            return;
        }

        if (arguments.Count == 0)
        {
            var account = await accounts.FindAsync(c.User.Id, cancellationToken);
            await replies.SendAsync(c.ChatId, account is null ? t.KeysNeeded : t.Format(t.KeysStatus, AccountStore.Mask(account.PublicKey), account.ConnectedAt), null, cancellationToken);
            return;
        }

        // Whatever the user typed may hold a secret: it leaves the chat before anything else happens.
        var deleted = c.MessageId is { } messageId && await replies.DeleteAsync(c.ChatId, messageId, cancellationToken);
        var note = "\n" + (deleted ? t.KeysMessageDeleted : t.KeysMessageNotDeleted);
        if (Problem(t, arguments) is { } problem)
        {
            await replies.SendAsync(c.ChatId, problem + note, null, cancellationToken);
            return;
        }

        var keys = DMarketKeys.Parse(arguments[0], arguments[1]);
        try
        {
            var balance = await dmarket.ForAccount(keys).GetBalanceAsync(cancellationToken);
            await accounts.SaveAsync(c.User.Id, keys, cancellationToken);
            await replies.SendAsync(c.ChatId, t.Format(t.KeysConnected, AccountStore.Mask(keys.PublicKeyHex), Money.DollarString(balance.UsdCents)) + note, null, cancellationToken);
        }
        catch (Exception exception) when (DMarketFailure.Is(exception))
        {
            await replies.SendAsync(c.ChatId, DMarketFailure.Reply(exception, t) + note, null, cancellationToken);
        }
    }

    public async Task BalanceAsync(CommandContext c, CancellationToken cancellationToken)
    {
        var t = c.Texts;
        if (await accounts.KeysAsync(c.User.Id, cancellationToken) is not { } keys)
        {
            await replies.SendAsync(c.ChatId, t.KeysNeeded, null, cancellationToken);
            return;
        }

        try
        {
            var balance = await dmarket.ForAccount(keys).GetBalanceAsync(cancellationToken);
            await replies.SendAsync(c.ChatId, t.Format(t.BalanceText, Money.DollarString(balance.UsdCents), Money.DollarString(balance.UsdTradeProtectedCents),
                Money.DollarString(balance.UsdAvailableToWithdrawCents)), null, cancellationToken);
        }
        catch (Exception exception) when (DMarketFailure.Is(exception))
        {
            await replies.SendAsync(c.ChatId, DMarketFailure.Reply(exception, t), null, cancellationToken);
        }
    }

    /// <summary>What is wrong with the pair as typed, in the user's words; null when it is a well-formed pair.</summary>
    private static string? Problem(Localization.BotTexts t, IReadOnlyList<string> arguments)
    {
        if (arguments.Count != 2)
        {
            return t.KeysUsage;
        }

        var (publicKey, secret) = (arguments[0].Trim(), arguments[1].Trim());
        if (publicKey.Length != 64 || !publicKey.All(Uri.IsHexDigit))
        {
            return t.Format(t.KeysBadPublic, publicKey.Length);
        }

        if (secret.Length is not (128 or 64) || !secret.All(Uri.IsHexDigit))
        {
            return t.Format(t.KeysBadSecret, secret.Length, secret.All(Uri.IsHexDigit) ? string.Empty : t.KeysNotHex);
        }

        return DMarketKeys.TryParse(publicKey, secret, out _, out var error) ? null : t.Format(t.KeysMismatch, Cards.Html.Escape(error ?? string.Empty));
    }
}
