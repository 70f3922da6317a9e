using DMarketAspire.Data.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DMarketAspire.Data.Infrastructure.EntityConfigurations;

internal sealed class ItemPriceEntityTypeConfiguration : IEntityTypeConfiguration<ItemPrice>
{
    public void Configure(EntityTypeBuilder<ItemPrice> builder)
    {
        builder.ToTable("item_prices");
        builder.HasKey(p => p.ItemId);
        builder.Property(p => p.ItemId).ValueGeneratedNever();
        builder.HasOne<Item>().WithOne().HasForeignKey<ItemPrice>(p => p.ItemId).OnDelete(DeleteBehavior.Cascade);
    }
}
