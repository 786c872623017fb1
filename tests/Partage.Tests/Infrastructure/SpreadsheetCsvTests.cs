using System.Text;
using Partage.App.Infrastructure;

namespace Partage.Tests.Infrastructure;

/// <summary>Every export goes through one writer that never hands a spreadsheet a formula (OWASP CSV injection) and keeps numbers as numbers.</summary>
public class SpreadsheetCsvTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\";\"clic\")", "'=HYPERLINK(\"http://x\";\"clic\")")]
    [InlineData("+33 6 12 34 56 78", "'+33 6 12 34 56 78")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1:A9)", "'@SUM(A1:A9)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "'\r=1")]
    [InlineData("-12,50", "-12,50")]
    [InlineData("-12.50", "-12.50")]
    [InlineData("1234,56", "1234,56")]
    [InlineData("Dupont-Durand", "Dupont-Durand")]
    [InlineData("", "")]
    public void Neutralised_FormulaBecomesText_NumbersAndNamesUnchanged(string cell, string written) =>
        Assert.Equal(written, SpreadsheetCsv.Neutralised(cell));

    [Fact]
    public async Task Write_EveryRowNeutralised_SemicolonsUtf8WithBom()
    {
        using var output = new MemoryStream();
        await SpreadsheetCsv.WriteAsync(output, ["nom", "montant"], [["=1+1", "-5,00"], [null, "3,00"]], CancellationToken.None);
        var bytes = output.ToArray();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("nom;montant\r\n'=1+1;-5,00\r\n;3,00\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }
}
