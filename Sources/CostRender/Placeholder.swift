import CostModel
