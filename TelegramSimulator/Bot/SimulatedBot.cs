using DMarketAspire.TelegramSimulator.BotApi;

namespace DMarketAspire.TelegramSimulator.Bot;

/// <summary>
/// Everything Telegram keeps for the bot: its chats, the queue of unconfirmed updates, the webhook, its commands and
/// pending button presses. One lock guards it all: the simulator serves a handful of bots' worth of traffic.
/// </summary>
public sealed class SimulatedBot(IOptions<TelegramSimulatorOptions> options, TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<long, SimulatedChat> _chats = [];
    private readonly List<(long Id, string Type, JsonObject Update)> _updates = [];
    private readonly Dictionary<string, CallbackQueryRecord> _callbackQueries = [];
    private readonly Dictionary<string, JsonArray> _commands = [];
    private TaskCompletionSource _updateArrived = NewSignal();
    private CancellationTokenSource? _pendingPoll;
    private long _nextUpdateId = 100_000_001;
    private string[] _allowedUpdates = [];

    public long Id { get; } = long.Parse(options.Value.BotToken.Split(':')[0], System.Globalization.CultureInfo.InvariantCulture);

    public string Username => options.Value.BotUsername;

    public WebhookConfiguration? Webhook { get; private set; }

    public Lock SyncRoot => _lock;

    public JsonObject UserJson() => new() { ["id"] = Id, ["is_bot"] = true, ["first_name"] = options.Value.BotName, ["username"] = Username };

    public long Now() => time.GetUtcNow().ToUnixTimeSeconds();

    /// <summary>A bot message as the Bot API shows it (in a method's result, or inside a callback query).</summary>
    public JsonObject MessageJson(SimulatedChat chat, ChatMessage message)
    {
        var json = new JsonObject
        {
            ["message_id"] = message.MessageId,
            ["from"] = UserJson(),
            ["chat"] = chat.ChatJson(),
            ["date"] = message.Date,
            ["text"] = message.Text,
        };
        if (message.Edited)
        {
            json["edit_date"] = Now();
        }

        if (message.ReplyMarkup is not null)
        {
            json["reply_markup"] = message.ReplyMarkup.DeepClone();
        }

        return json;
    }

    public SimulatedChat GetOrAddChat(long userId, string? firstName, string? username, string? languageCode)
    {
        lock (_lock)
        {
            if (!_chats.TryGetValue(userId, out var chat))
            {
                chat = new SimulatedChat(userId, firstName ?? $"User {userId}", username, languageCode);
                _chats.Add(userId, chat);
            }
            else if (languageCode is not null)
            {
                chat.LanguageCode = languageCode;
            }

            return chat;
        }
    }

    public SimulatedChat? FindChat(long chatId)
    {
        lock (_lock)
        {
            return _chats.GetValueOrDefault(chatId);
        }
    }

    public IReadOnlyList<SimulatedChat> Chats()
    {
        lock (_lock)
        {
            return [.. _chats.Values];
        }
    }

    public long Enqueue(string type, JsonNode payload)
    {
        lock (_lock)
        {
            var id = _nextUpdateId++;
            _updates.Add((id, type, new JsonObject { ["update_id"] = id, [type] = payload }));
            var signal = _updateArrived;
            _updateArrived = NewSignal();
            signal.TrySetResult();
            return id;
        }
    }

    public CallbackQueryRecord AddCallbackQuery(long chatId, int messageId, string data)
    {
        lock (_lock)
        {
            var record = new CallbackQueryRecord
            {
                Id = Guid.NewGuid().ToString("N")[..20],
                ChatId = chatId,
                MessageId = messageId,
                Data = data,
                PressedAt = time.GetUtcNow(),
            };
            _callbackQueries.Add(record.Id, record);
            return record;
        }
    }

    /// <summary>Records the answer; false when the query is unknown, already answered or too old.</summary>
    public bool AnswerCallbackQuery(string id, string? text, bool showAlert)
    {
        lock (_lock)
        {
            if (!_callbackQueries.TryGetValue(id, out var record) || record.Answered || time.GetUtcNow() - record.PressedAt > options.Value.CallbackQueryLifetime)
            {
                return false;
            }

            record.Answered = true;
            record.AnswerText = text;
            record.ShowAlert = showAlert;
            return true;
        }
    }

    public IReadOnlyList<CallbackQueryRecord> CallbackQueries(long chatId)
    {
        lock (_lock)
        {
            return [.. _callbackQueries.Values.Where(q => q.ChatId == chatId).OrderBy(q => q.PressedAt)];
        }
    }

    /// <summary>
    /// Confirms every update below <paramref name="offset"/> (a negative one keeps only the last |offset|), then returns
    /// what is left, waiting up to <paramref name="timeout"/> for something to arrive. A newer poll ends this one with 409.
    /// </summary>
    public async Task<IReadOnlyList<JsonObject>> GetUpdatesAsync(long? offset, int limit, TimeSpan timeout, string[]? allowedUpdates, CancellationToken cancellationToken)
    {
        CancellationTokenSource poll;
        lock (_lock)
        {
            if (Webhook is not null)
            {
                throw new BotApiException(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
            }

            _pendingPoll?.Cancel();
            _pendingPoll = poll = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (allowedUpdates is not null)
            {
                _allowedUpdates = allowedUpdates;
            }

            Confirm(offset);
        }

        var deadline = time.GetUtcNow() + timeout;
        try
        {
            while (true)
            {
                Task arrived;
                lock (_lock)
                {
                    var ready = Pending(offset, limit);
                    if (ready.Count > 0 || time.GetUtcNow() >= deadline)
                    {
                        return ready;
                    }

                    arrived = _updateArrived.Task;
                }

                var remaining = deadline - time.GetUtcNow();
                if (remaining > TimeSpan.Zero)
                {
                    await arrived.WaitAsync(remaining, time, poll.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                }

                if (poll.IsCancellationRequested)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    throw new BotApiException(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
                }
            }
        }
        finally
        {
            lock (_lock)
            {
                if (_pendingPoll == poll)
                {
                    _pendingPoll = null;
                }
            }

            poll.Dispose();
        }
    }

    /// <summary>The oldest unconfirmed update, for webhook delivery.</summary>
    public JsonObject? OldestPending()
    {
        lock (_lock)
        {
            return Pending(null, 1).FirstOrDefault();
        }
    }

    public void ConfirmUpTo(long updateId)
    {
        lock (_lock)
        {
            Confirm(updateId + 1);
        }
    }

    /// <summary>Completes when the next update is enqueued (take it before looking at the queue, so none slips between).</summary>
    public Task UpdateArrived()
    {
        lock (_lock)
        {
            return _updateArrived.Task;
        }
    }

    public int PendingUpdateCount()
    {
        lock (_lock)
        {
            return _updates.Count;
        }
    }

    public void SetWebhook(WebhookConfiguration? webhook, string[]? allowedUpdates, bool dropPending)
    {
        lock (_lock)
        {
            Webhook = webhook;
            if (allowedUpdates is not null)
            {
                _allowedUpdates = allowedUpdates;
            }

            if (dropPending)
            {
                _updates.Clear();
            }

            _pendingPoll?.Cancel();
            var signal = _updateArrived;
            _updateArrived = NewSignal();
            signal.TrySetResult();
        }
    }

    public void SetCommands(string languageCode, JsonArray commands)
    {
        lock (_lock)
        {
            _commands[languageCode] = commands;
        }
    }

    public JsonObject Commands()
    {
        lock (_lock)
        {
            var result = new JsonObject();
            foreach (var (language, commands) in _commands)
            {
                result[language.Length == 0 ? "default" : language] = commands.DeepClone();
            }

            return result;
        }
    }

    public void Reset()
    {
        lock (_lock)
        {
            _chats.Clear();
            _updates.Clear();
            _callbackQueries.Clear();
            _commands.Clear();
            Webhook = null;
        }
    }

    private void Confirm(long? offset)
    {
        if (offset is not { } value)
        {
            return;
        }

        if (value < 0)
        {
            var keep = (int)Math.Min(-value, _updates.Count);
            _updates.RemoveRange(0, _updates.Count - keep);
        }
        else
        {
            _updates.RemoveAll(u => u.Id < value);
        }
    }

    private List<JsonObject> Pending(long? offset, int limit) =>
        [.. _updates
            .Where(u => (offset is not { } o || o < 0 || u.Id >= o) && (_allowedUpdates.Length == 0 || _allowedUpdates.Contains(u.Type)))
            .Take(limit)
            .Select(u => (JsonObject)u.Update.DeepClone())];

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
