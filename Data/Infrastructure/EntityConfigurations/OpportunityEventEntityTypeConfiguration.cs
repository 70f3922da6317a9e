using DMarketAspire.Data.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DMarketAspire.Data.Infrastructure.EntityConfigurations;

internal sealed class OpportunityEventEntityTypeConfiguration : IEntityTypeConfiguration<OpportunityEvent>
{
    public void Configure(EntityTypeBuilder<OpportunityEvent> builder)
    {
        builder.ToTable("opportunity_events");
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Opportunity>().WithMany().HasForeignKey(e => e.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => e.OpportunityId);
    }
}
