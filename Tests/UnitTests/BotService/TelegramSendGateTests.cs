using DMarketAspire.BotService.Notifications;
using DMarketAspire.BotService.Telegram;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DMarketAspire.UnitTests.BotService;

/// <summary>One pace per chat for everything sent to it, on a fake clock: replies first, a reserve kept for them.</summary>
public sealed class TelegramSendGateTests
{
    private const long Chat = 42;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static (TelegramSendGate Gate, FakeTimeProvider Time) NewGate()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero));
        var options = new NotificationOptions { ChatBurst = 2, ChatMessagesPerSecond = 1, ChatReplyReserve = 1, ChatInterval = TimeSpan.FromSeconds(1) };
        return (new TelegramSendGate(Options.Create(options), time), time);
    }

    [Fact]
    public async Task NotificationsLeaveTheReserveToRepliesAndRepliesWaitOnlyForTheirChat()
    {
        var (gate, time) = NewGate();

        Assert.True(gate.TryTakeNotificationTurn(Chat, out _));
        Assert.False(gate.TryTakeNotificationTurn(Chat, out var wait));
        Assert.Equal(TimeSpan.FromSeconds(1), wait);

        // The reserve: the user's reply goes at once, right after a notification.
        await gate.WaitReplyTurnAsync(Chat, Ct).WaitAsync(TimeSpan.FromSeconds(5), Ct);

        // The allowance is spent: the next reply waits for it, and meanwhile no notification may take its place.
        var second = gate.WaitReplyTurnAsync(Chat, Ct);
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.False(gate.TryTakeNotificationTurn(Chat, out _));
        await second.WaitAsync(TimeSpan.FromSeconds(5), Ct);

        // Another chat is paced on its own.
        await gate.WaitReplyTurnAsync(Chat + 1, Ct).WaitAsync(TimeSpan.FromSeconds(5), Ct);
        Assert.True(gate.TryTakeNotificationTurn(Chat + 2, out _));
    }

    [Fact]
    public void ANotificationWaitsForTheIntervalAfterAnyMessageAndForAFullAllowance()
    {
        var (gate, time) = NewGate();

        Assert.True(gate.TryTakeNotificationTurn(Chat, out _));
        time.Advance(TimeSpan.FromSeconds(0.5));
        Assert.False(gate.TryTakeNotificationTurn(Chat, out var wait));
        Assert.Equal(TimeSpan.FromSeconds(0.5), wait);
        time.Advance(wait);
        Assert.True(gate.TryTakeNotificationTurn(Chat, out _));
    }

    [Fact]
    public void AReserveAsLargeAsTheBurstIsRefused()
    {
        var options = new NotificationOptions { ChatBurst = 2, ChatReplyReserve = 2 };

        var errors = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        Assert.False(System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), errors, validateAllProperties: true));
        Assert.Contains(errors, e => e.MemberNames.Contains(nameof(NotificationOptions.ChatReplyReserve)));
    }
}
