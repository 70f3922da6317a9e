namespace DMarketAspire.BotService.Telegram;

/// <summary>
/// What one chat may still be sent now: a bucket <c>burst</c> messages deep that refills at <c>perSecond</c>, as
/// Telegram counts a chat (about one message a second, short bursts tolerated), and how many replies wait for it.
/// Not thread-safe: <see cref="TelegramSendGate"/> holds its lock around every use.
/// </summary>
public sealed class ChatAllowance(int burst, DateTimeOffset now)
{
    private double _messages = burst;
    private DateTimeOffset _at = now;

    public int RepliesWaiting { get; set; }

    public DateTimeOffset LastSent { get; private set; } = DateTimeOffset.MinValue;

    /// <summary>Messages that could go now, refilled up to <paramref name="now"/>.</summary>
    public double Available(DateTimeOffset now, int burst, double perSecond)
    {
        if (now > _at)
        {
            _messages = Math.Min(burst, _messages + (now - _at).TotalSeconds * perSecond);
            _at = now;
        }

        return _messages;
    }

    public void Take(DateTimeOffset now)
    {
        _messages -= 1;
        LastSent = now;
    }

    /// <summary>How long until <paramref name="wanted"/> messages are available (zero when they are).</summary>
    public TimeSpan Until(double wanted, double perSecond) =>
        _messages >= wanted ? TimeSpan.Zero : TimeSpan.FromSeconds((wanted - _messages) / perSecond);

    /// <summary>Full and nobody waiting: the chat can be forgotten, a new allowance would be the same.</summary>
    public bool Idle(DateTimeOffset now, int burst, double perSecond) => RepliesWaiting == 0 && Available(now, burst, perSecond) >= burst;
}
