namespace Hub.Customs.Domain.Declarations;

internal enum DeclarationType
{
    Export,
    Import,
}
