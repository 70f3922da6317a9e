using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DMarketAspire.Infrastructure.Migrations;

[DbContext(typeof(DMarketDbContext))]
[Migration(Id)]
public sealed class Initial : Migration
{
    public const string Id = "20261122000000_Initial";

    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(MigrationScripts.Read(Id));

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(
        "DROP TABLE opportunity_events, opportunities, price_snapshots, sales, fees, scans, items;");
}
