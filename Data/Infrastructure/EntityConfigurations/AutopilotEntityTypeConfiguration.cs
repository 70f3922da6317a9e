using DMarketAspire.Data.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DMarketAspire.Data.Infrastructure.EntityConfigurations;

internal sealed class AutopilotEntityTypeConfiguration : IEntityTypeConfiguration<Autopilot>
{
    public void Configure(EntityTypeBuilder<Autopilot> builder)
    {
        builder.ToTable("autopilots");
        builder.HasKey(a => a.UserId);
        builder.Property(a => a.UserId).ValueGeneratedNever();
        builder.Property(a => a.Mode).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.AfterBuy).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.MinProfitPercent).HasPrecision(9, 2);
        builder.Property(a => a.MaxBalanceSharePercent).HasPrecision(9, 2);
        builder.Property(a => a.SanityMultiple).HasPrecision(9, 2);
        builder.Property(a => a.PausedReason).HasMaxLength(256);
        builder.HasOne<BotUser>().WithOne().HasForeignKey<Autopilot>(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        // The planner's read: who is buying.
        builder.HasIndex(a => a.Enabled);
    }
}
