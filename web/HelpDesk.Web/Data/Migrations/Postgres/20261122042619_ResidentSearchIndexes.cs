using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HelpDesk.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ResidentSearchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Residents_WardId_Phone",
                table: "Residents");

            migrationBuilder.AlterColumn<string>(
                name: "SearchName",
                table: "Residents",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

            migrationBuilder.CreateIndex(
                name: "IX_Residents_WardId_Phone_SearchName",
                table: "Residents",
                columns: new[] { "WardId", "Phone", "SearchName" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Residents_WardId_Phone_SearchName",
                table: "Residents");

            migrationBuilder.AlterColumn<string>(
                name: "SearchName",
                table: "Residents",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200,
                oldCollation: "C");

            migrationBuilder.CreateIndex(
                name: "IX_Residents_WardId_Phone",
                table: "Residents",
                columns: new[] { "WardId", "Phone" });
        }
    }
}
