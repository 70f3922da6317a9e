using DMarketAspire.Data.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DMarketAspire.Data.Infrastructure.EntityConfigurations;

internal sealed class BotUserEntityTypeConfiguration : IEntityTypeConfiguration<BotUser>
{
    public void Configure(EntityTypeBuilder<BotUser> builder)
    {
        builder.ToTable("bot_users");
        builder.Property(u => u.Id).ValueGeneratedNever();
        builder.Property(u => u.FirstName).HasMaxLength(256);
        builder.Property(u => u.Username).HasMaxLength(64);
        builder.Property(u => u.Language).HasMaxLength(8);
        builder.Property(u => u.TimeZone).HasMaxLength(64);
        builder.Property(u => u.MinProfitPercent).HasPrecision(9, 2);
        builder.Property(u => u.ItemFilter).HasColumnType("jsonb").HasConversion<ItemFilterJsonConverter>();
        builder.Property(u => u.Mode).HasConversion<string>().HasMaxLength(16);
        // The planner's read: everyone who wants notifications.
        builder.HasIndex(u => new { u.Paused, u.Blocked, u.Mode });
    }
}
