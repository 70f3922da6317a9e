using DMarketAspire.Data.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DMarketAspire.Data.Infrastructure.EntityConfigurations;

internal sealed class BotCheckpointEntityTypeConfiguration : IEntityTypeConfiguration<BotCheckpoint>
{
    public void Configure(EntityTypeBuilder<BotCheckpoint> builder)
    {
        builder.ToTable("bot_checkpoints");
        builder.HasKey(c => c.Name);
        builder.Property(c => c.Name).HasMaxLength(64);
    }
}
