using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partage.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ClientDirectories : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "client_members",
                columns: table => new
                {
                    client_id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    linked_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_client_members", x => new { x.client_id, x.member_id });
                    table.ForeignKey(
                        name: "fk_client_members_clients_client_id",
                        column: x => x.client_id,
                        principalTable: "clients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_client_members_member_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_client_members_member_id",
                table: "client_members",
                column: "member_id");

            // The directories as they stand: every member gets the clients their invoices and quotes are addressed to, and
            // those they created themselves (clients.created_by holds the creating account's e-mail).
            migrationBuilder.Sql("""
                INSERT INTO client_members (client_id, member_id, linked_at)
                SELECT client_id, member_id, MIN(created_at) FROM (
                    SELECT client_id, member_id, created_at FROM invoices
                    UNION ALL SELECT client_id, member_id, created_at FROM quotes
                    UNION ALL SELECT c.id, m.id, c.created_at FROM clients c JOIN members m ON m.email = c.created_by
                ) links
                GROUP BY client_id, member_id;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "client_members");
        }
    }
}
