using DMarketAspire.Data.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DMarketAspire.Data.Infrastructure.EntityConfigurations;

internal sealed class DMarketAccountEntityTypeConfiguration : IEntityTypeConfiguration<DMarketAccount>
{
    public void Configure(EntityTypeBuilder<DMarketAccount> builder)
    {
        builder.ToTable("dmarket_accounts");
        builder.HasKey(a => a.UserId);
        builder.Property(a => a.UserId).ValueGeneratedNever();
        builder.Property(a => a.PublicKey).HasMaxLength(64);
        builder.Property(a => a.ProtectedSecretKey).HasMaxLength(2000);
        builder.HasOne<BotUser>().WithOne().HasForeignKey<DMarketAccount>(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
