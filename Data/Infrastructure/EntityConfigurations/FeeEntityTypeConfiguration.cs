using DMarketAspire.Data.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DMarketAspire.Data.Infrastructure.EntityConfigurations;

internal sealed class FeeEntityTypeConfiguration : IEntityTypeConfiguration<Fee>
{
    public void Configure(EntityTypeBuilder<Fee> builder)
    {
        builder.ToTable("fees");
        builder.Property(f => f.GameId).HasMaxLength(16);
        builder.Property(f => f.Title).HasMaxLength(512);
        builder.Property(f => f.Fraction).HasPrecision(6, 4);
        builder.HasIndex(f => new { f.GameId, f.Title });
    }
}
