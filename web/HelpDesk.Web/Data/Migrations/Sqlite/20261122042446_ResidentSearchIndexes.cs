using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HelpDesk.Web.Data.Migrations.Sqlite
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

            migrationBuilder.CreateIndex(
                name: "IX_Residents_WardId_Phone",
                table: "Residents",
                columns: new[] { "WardId", "Phone" });
        }
    }
}
