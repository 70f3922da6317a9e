using DMarketAspire.Data.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DMarketAspire.Data.Infrastructure.EntityConfigurations;

internal sealed class BotTargetEntityTypeConfiguration : IEntityTypeConfiguration<BotTarget>
{
    public void Configure(EntityTypeBuilder<BotTarget> builder)
    {
        builder.ToTable("bot_targets");
        builder.HasKey(t => t.TargetId);
        builder.Property(t => t.TargetId).HasMaxLength(64);
        builder.Property(t => t.GameId).HasMaxLength(16);
        builder.Property(t => t.Title).HasMaxLength(512);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(t => new { t.UserId, t.Status });
        builder.HasOne<BotUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
