using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partage.Migrations.Postgres.Migrations
{
    /// <summary>
    /// The member search looks for a part of a name anywhere in the accent-free key (LIKE '%…%'): a trigram index
    /// (pg_trgm, a trusted extension the database's owner may create) serves it instead of reading every member.
    /// </summary>
    public partial class MemberSearchTrigrams : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            migrationBuilder.Sql("CREATE INDEX ix_members_search_key_trgm ON members USING gin (search_key gin_trgm_ops);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_members_search_key_trgm;");
        }
    }
}
