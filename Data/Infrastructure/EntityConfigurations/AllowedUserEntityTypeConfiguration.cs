using DMarketAspire.Data.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DMarketAspire.Data.Infrastructure.EntityConfigurations;

internal sealed class AllowedUserEntityTypeConfiguration : IEntityTypeConfiguration<AllowedUser>
{
    public void Configure(EntityTypeBuilder<AllowedUser> builder)
    {
        builder.ToTable("allowed_users");
        builder.Property(a => a.Username).HasMaxLength(64);
        builder.HasIndex(a => a.TelegramUserId).IsUnique().HasFilter("telegram_user_id IS NOT NULL");
        builder.HasIndex(a => a.Username).IsUnique().HasFilter("username IS NOT NULL");
    }
}
