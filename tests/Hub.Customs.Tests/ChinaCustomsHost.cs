namespace Hub.Customs.Tests;

/// <summary>The Customs service of hub CN, where cross-border e-commerce retail imports are taxed at 70 %.</summary>
public sealed class ChinaCustomsHost() : CustomsHost("CN");
