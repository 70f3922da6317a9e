using DMarketAspire.Data.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DMarketAspire.Data.Infrastructure.EntityConfigurations;

internal sealed class PaperPositionEntityTypeConfiguration : IEntityTypeConfiguration<PaperPosition>
{
    public void Configure(EntityTypeBuilder<PaperPosition> builder)
    {
        builder.ToTable("paper_positions");
        builder.Property(p => p.OfferId).HasMaxLength(128);
        builder.Property(p => p.GameId).HasMaxLength(16);
        builder.Property(p => p.Title).HasMaxLength(512);
        builder.HasOne<BotUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AutopilotDecision>().WithOne().HasForeignKey<PaperPosition>(p => p.DecisionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.UserId, p.SoldAt, p.BoughtAt });
    }
}
