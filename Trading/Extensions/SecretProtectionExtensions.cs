using DMarketAspire.Trading.Accounts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using DMarketAspire.Data.Infrastructure;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace Microsoft.Extensions.Hosting;

public static class SecretProtectionExtensions
{
    /// <summary>
    /// Data Protection with its key ring in PostgreSQL (table <c>data_protection_keys</c>), so every replica and every
    /// restart reads the same ring; a new key takes over every <see cref="AccountOptions.KeyLifetime"/> and the old ones
    /// stay to decrypt what they protected.
    /// </summary>
    public static IHostApplicationBuilder AddSecretProtection(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AccountOptions>().BindConfiguration(AccountOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<SecretProtector>();
        builder.Services.AddScoped<AccountStore>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        var accounts = builder.Configuration.GetSection(AccountOptions.SectionName).Get<AccountOptions>() ?? new AccountOptions();
        var protection = builder.Services.AddDataProtection()
            .SetApplicationName(accounts.ApplicationName)
            .SetDefaultKeyLifetime(accounts.KeyLifetime)
            .PersistKeysToDbContext<DMarketDbContext>();
        if (!string.IsNullOrWhiteSpace(accounts.KeyRingCertificatePath))
        {
            protection.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(accounts.KeyRingCertificatePath, accounts.KeyRingCertificatePassword));
        }

        return builder;
    }
}
