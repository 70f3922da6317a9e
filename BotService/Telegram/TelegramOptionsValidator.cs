using System.Globalization;
using System.Text.RegularExpressions;

namespace DMarketAspire.BotService.Telegram;

/// <summary>What data annotations cannot say: the webhook's pair of settings, timeouts that fit, admins as ids.</summary>
public sealed partial class TelegramOptionsValidator : IValidateOptions<TelegramOptions>
{
    public ValidateOptionsResult Validate(string? name, TelegramOptions options)
    {
        List<string> failures = [];
        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || api.Scheme is not ("http" or "https"))
        {
            failures.Add($"Telegram:ApiBaseUrl must be an http(s) address; got '{options.ApiBaseUrl}'.");
        }

        if (options.RequestTimeout <= options.PollTimeout + TimeSpan.FromSeconds(5))
        {
            failures.Add($"Telegram:RequestTimeout ({options.RequestTimeout}) must exceed Telegram:PollTimeout ({options.PollTimeout}) by more than 5 s.");
        }

        if (options.LeaseRenewInterval * 2 >= options.LeaseDuration)
        {
            failures.Add("Telegram:LeaseRenewInterval must be under half of Telegram:LeaseDuration, or the lease lapses between renewals.");
        }

        if (options.Mode == TelegramMode.Webhook)
        {
            if (!Uri.TryCreate(options.WebhookUrl, UriKind.Absolute, out var webhook) || webhook.Scheme is not ("http" or "https"))
            {
                failures.Add("Telegram:Mode is webhook, so Telegram:WebhookUrl must be the absolute address Telegram POSTs to.");
            }

            if (options.WebhookSecret is null || !SecretPattern().IsMatch(options.WebhookSecret))
            {
                failures.Add("Telegram:Mode is webhook, so Telegram:WebhookSecret must be 1–256 characters of A-Z a-z 0-9 _ -.");
            }
        }

        foreach (var id in options.Admins.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!long.TryParse(id, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
            {
                failures.Add($"Telegram:Admins holds '{id}', which is not a Telegram user id.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretPattern();
}
