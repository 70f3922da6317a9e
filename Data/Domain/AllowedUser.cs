namespace DMarketAspire.Data.Domain;

/// <summary>
/// Someone an admin let use a bot restricted to <c>Telegram:AllowedUsers</c> (<c>/allow</c>): by Telegram user id or by
/// @username (kept lowercase, without the @), whichever the admin gave.
/// </summary>
public sealed class AllowedUser
{
    public long Id { get; set; }

    public long? TelegramUserId { get; set; }

    public string? Username { get; set; }

    public long AddedBy { get; set; }

    public DateTimeOffset AddedAt { get; set; }
}
