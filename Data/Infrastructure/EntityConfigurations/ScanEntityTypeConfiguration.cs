using DMarketAspire.Data.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DMarketAspire.Data.Infrastructure.EntityConfigurations;

internal sealed class ScanEntityTypeConfiguration : IEntityTypeConfiguration<Scan>
{
    public void Configure(EntityTypeBuilder<Scan> builder)
    {
        builder.ToTable("scans");
        builder.Property(s => s.GameId).HasMaxLength(16);
        builder.Property(s => s.Level).HasMaxLength(32);
        builder.Property(s => s.Replica).HasMaxLength(128);
        builder.Property(s => s.Status).HasMaxLength(16);
        builder.Property(s => s.Error).HasMaxLength(2048);
        builder.HasIndex(s => s.StartedAt);
    }
}
