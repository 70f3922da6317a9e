using DMarketAspire.Data.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DMarketAspire.Data.Infrastructure.EntityConfigurations;

internal sealed class ItemEntityTypeConfiguration : IEntityTypeConfiguration<Item>
{
    public void Configure(EntityTypeBuilder<Item> builder)
    {
        builder.ToTable("items");
        builder.Property(i => i.GameId).HasMaxLength(16);
        builder.Property(i => i.Title).HasMaxLength(512);
        builder.HasIndex(i => new { i.GameId, i.Title }).IsUnique();
    }
}
